"""Files and folders -> ``Article``: front matter, HTML -> text (web pages in ``load.html``),
sanitising, boilerplate and datelines, and the files that ship with storydiff. The first stage;
it knows nothing of comparison."""

"""Files and folders -> ``Article``: front matter, HTML -> text, sanitising, boilerplate, and
the files that ship with storydiff. The first stage; it knows nothing of comparison."""

"""The typed slots of an article's statements: quantities, dates and quotations with their
offsets, so ``text[s.start:s.end] == s.text`` holds for every slot.

These are what a discrepancy is made of: "about 60,000 personnel" against "50,000 troops",
"Tuesday" against "Oct. 28", one wording of a quotation against another. Each finder works
on the whole article text (quotes run over sentences, a pronoun speaker needs the speakers
named before it, a weekday needs the article date) and returns article offsets.
"""

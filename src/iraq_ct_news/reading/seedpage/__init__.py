"""Reading a seed page: which lines are the headline and the body, and which are site chrome.

A seed is the text of a web page as a page store holds it, site chrome included: the masthead,
menus, the date in the site's header, share and font-size buttons, image captions, view counters,
promotions, comment widgets, reader polls and the footer. The modules here tell those apart from
the article by what each kind of line looks like on any outlet's page, not by a list of outlets:

* :mod:`.lines`: the seed's lines and what a reading holds;
* :mod:`.chrome`: whether a line is chrome, and of which kind;
* :mod:`.dates`: date lines, update stamps and page-header dates, and the dates they give;
* :mod:`.credits`: datelines, agency tags, sign-offs, author and source lines;
* :mod:`.reading`: the headline, the body and what was left out.

Everything here only proposes: ``iraq-ct-news new`` lists every line it left out, with its kind,
for the contributor to confirm.
"""

"""Working with a Weblate server: one project, one component per domain, states both ways.

`settings` reads `[weblate]`; `client` is the REST client; `components` plans what Weblate
should hold; `merge` decides, entry by entry, what comes back into our catalogs; `sync`
runs the steps in order.
"""

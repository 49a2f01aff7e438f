"""The reader screen and the plain objects it is composed of: which sources are shown and
paged (``window``), synced scrolling (``sync``), the search state (``search``) and the entity,
export and annotation tools (``tools``)."""

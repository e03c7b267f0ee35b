"""Starting newsloom: the web server (``serve``), the refresh schedule beside it (``runner``)
and the demo (``demo``). The only package that wires the web app and the pipeline together."""

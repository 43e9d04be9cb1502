"""Everything served to a browser: the live page a phone follows (``page.html``, ``state``,
``live_server``), who may open it (``access``), its QR code (``qr``), and ``isotimer serve``'s
textual-serve wrapper (``serve_server``, ``serve_access``)."""

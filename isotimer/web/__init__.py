"""Everything served to a browser: the live page a phone follows and ``isotimer serve``.

The live page is ``page.html`` (with the bundled ``nosleep.js``, MIT, licence beside it),
fed by ``live_server.LiveServer`` from states ``state.live_state`` makes; ``addresses`` finds
where a phone can reach this computer, ``qr`` draws the code. One ``access.Access`` decides
who may use either server; ``limits`` keeps a server up and its errors out of the terminal;
``serve_server`` is ``isotimer serve``'s textual-serve wrapper.
"""

from isotimer.web.access import Access, is_loopback, who_can_see
from isotimer.web.addresses import lan_addresses, reachable

__all__ = ["Access", "is_loopback", "lan_addresses", "reachable", "who_can_see"]

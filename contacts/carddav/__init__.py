"""The CardDAV gateway: ``python -m contacts.carddav`` serves the replicated contact list to
phones and desktop address books (RFC 6352, sync-collection RFC 6578).

Radicale is the DAV engine (XML, discovery, auth, REPORTs); this package plugs the cluster in
through Radicale's storage plugin interface.  It is a client of the cluster: every read and
write goes through :class:`contacts.client.ContactsClient` (failover, retries without
duplicates, read-your-writes); it imports no replica code.

  server.py     command line, Radicale's configuration, the threaded WSGI server (TLS)
  app.py        the WSGI layer around Radicale: one context per request, size limit,
                the reasons of 400/412/503, supported-address-data
  storage.py    the Radicale storage plugin: the principal, the one shared address book, its cards
  cards.py      one contact <-> one vCard: href, ETag, the fields a PUT changed
  tokens.py     sync tokens made of version vectors
  context.py    what one request carries from the WSGI layer to the storage and back

docs/carddav.md says how to set up clients and what each RFC feature does here.
"""

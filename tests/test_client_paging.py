"""ContactsClient pages a long list by key: a contact deleted (or added) before a page
boundary while the pages are read makes no other contact go missing."""
import Pyro5.api
import pytest

from contacts.client import failover
from contacts.cluster import wait_until


@pytest.mark.parametrize("method", ["list_contacts", "list_deleted"])
def test_a_delete_between_pages_skips_no_contact(cluster_factory, monkeypatch, method):
    cluster = cluster_factory(1)
    uri = cluster.uri(1)
    with Pyro5.api.Proxy(uri) as book:
        made = book.add_contacts([{"name": f"Person {i:02d}"} for i in range(23)])
        ids = [c["id"] for c in made]
        if method == "list_deleted":
            for contact_id in ids:
                book.delete_contact(contact_id)
    monkeypatch.setattr(failover, "MAX_ANSWER", 5)   # pages of 5: the client pages by itself
    client = failover.ContactsClient(uris=[uri], discover=False, timeout=5.0)
    real_call, pages = client._call, []

    def call_and_change(name, args, kwargs, kind):
        page = real_call(name, args, kwargs, kind)
        pages.append(page)
        if len(pages) == 1:   # after the first page: the first contact leaves this list
            with Pyro5.api.Proxy(uri) as other:
                if method == "list_contacts":
                    other.delete_contact(page[0]["id"])
                else:
                    other.restore_contact(page[0]["id"])
        return page

    client._call = call_and_change
    try:
        listed = [c["name"] for c in getattr(client, method)()]
    finally:
        client.close()
    assert len(pages) == 5
    # the one that left was read before it left; every other contact is there too, once, in order
    assert listed == [f"Person {i:02d}" for i in range(23)]


def test_iter_contacts_reads_the_book_in_pages_of_the_size_asked(cluster_factory):
    cluster = cluster_factory(1)
    uri = cluster.uri(1)
    with Pyro5.api.Proxy(uri) as book:
        book.add_contacts([{"name": f"Person {i:02d}"} for i in range(12)])
    client = failover.ContactsClient(uris=[uri], discover=False, timeout=5.0)
    real_call, sizes = client._call, []

    def counting(name, args, kwargs, kind):
        page = real_call(name, args, kwargs, kind)
        sizes.append(len(page))
        return page

    client._call = counting
    try:
        listed = [c["name"] for c in client.iter_contacts(page_size=5)]
        with pytest.raises(failover.WrongTypeError):
            next(client.iter_contacts(page_size=0))
    finally:
        client.close()
    assert listed == [f"Person {i:02d}" for i in range(12)]
    assert sizes == [5, 5, 2]

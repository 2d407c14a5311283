"""Radicale's own request tests (the address-book part) run against the CardDAV gateway.

    git clone --branch v3.3.3 https://github.com/Kozea/Radicale /tmp/radicale-src
    python scripts/radicale_request_tests.py /tmp/radicale-src

Radicale's tests are not shipped in its wheel, and they are GPL: this script reads them from
a checkout instead of copying them. It starts a local cluster (name server + 1 replica),
serves the gateway's WSGI application in this process, and runs Radicale's
``TestBaseRequests`` methods that touch address books, plus its sync-collection tests (written
for calendars; the sync logic is the collection's) with a card in place of the event.

Radicale's tests create their collection at a path of their own (``/contacts.vcf/``); the
gateway has one book, so requests to the test's collection are sent to ``/tests/contacts/``
(and hrefs in the answers mapped back), the test's MKCOL/MKCALENDAR of it is answered 201 and
its DELETE of it (to start afresh) empties the book, without reaching the gateway. Prints what passed and why the rest failed.
"""
import importlib.util
import re
import sys
import tempfile
import traceback
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contacts.carddav.app import Gateway, GatewayApp, radicale_configuration  # noqa: E402
from contacts.client import ContactsClient  # noqa: E402
from contacts.cluster import LocalCluster  # noqa: E402

BOOK = "/tests/contacts/"
ADDRESS_BOOK_TESTS = ["test_add_contact", "test_add_contact_photo_with_data_uri", "test_add_contact_without_uid",
                      "test_put_whole_addressbook", "test_put_whole_addressbook_without_uids",
                      "test_addressbook_empty_filter", "test_addressbook_prop_filter",
                      "test_addressbook_prop_filter_any", "test_addressbook_prop_filter_all",
                      "test_addressbook_getcontenttype"]
SYNC_TESTS = ["test_report_sync_collection_no_change", "test_report_sync_collection_add",
              "test_report_sync_collection_delete", "test_report_sync_collection_create_delete",
              "test_report_sync_collection_modify_undo", "test_report_sync_collection_move",
              "test_report_sync_collection_move_undo", "test_report_sync_collection_invalid_sync_token",
              "test_propfind_sync_token", "test_propfind_same_as_sync_collection_sync_token"]


def load_radicale_tests(source):
    """Radicale's ``radicale.tests`` package and ``test_base`` module, from a checkout."""
    tests_dir = Path(source) / "radicale" / "tests"
    if not (tests_dir / "test_base.py").exists():
        sys.exit(f"error: {tests_dir / 'test_base.py'} not found: give a Radicale checkout (v3.3.x)")
    modules = {}
    for name, file in (("radicale.tests", "__init__.py"), ("radicale.tests.helpers", "helpers.py"),
                       ("radicale.tests.test_base", "test_base.py")):
        spec = importlib.util.spec_from_file_location(name, tests_dir / file,
                                                      submodule_search_locations=[str(tests_dir)]
                                                      if file == "__init__.py" else None)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules["radicale.tests.test_base"], tests_dir / "static"


def make_test_class(test_base, static, app, configuration, client):
    contact = (static / "contact1.vcf").read_text()
    files = {"event1.ics": contact, "event1_modified.ics": contact.replace("NICKNAME:test", "NICKNAME:changed")}
    original_content = test_base.get_file_content

    def get_file_content(name):
        return files.get(name) or original_content(name)
    test_base.get_file_content = get_file_content

    class AgainstTheGateway(test_base.TestBaseRequests):
        def setup_method(self):
            self.collection = None
            for person in client.list_contacts():       # an empty book for each test
                client.delete_contact(person["id"])
            self.application = app
            self.configuration = configuration

        def configure(self, config_):
            pass

        def teardown_method(self):
            pass

        def request(self, method, path, data=None, check=None, **kwargs):
            parts = [part for part in path.split("/") if part]
            if parts and not path.startswith(BOOK):
                self.collection = "/" + parts[0] + "/"
                if method in ("MKCOL", "MKCALENDAR") and len(parts) == 1:
                    assert check is None or check == 201
                    return 201, {}, ""
                if method == "DELETE" and len(parts) == 1:   # "a fresh collection": an empty book
                    self.setup_method()
                    self.collection = "/" + parts[0] + "/"
                    assert check is None or check == 200
                    return 200, {}, ('<?xml version="1.0"?><multistatus xmlns="DAV:"><response><href>'
                                     f'{self.collection}</href><status>HTTP/1.1 200 OK</status></response>'
                                     '</multistatus>')
                path = BOOK + "/".join(parts[1:]) + ("/" if path.endswith("/") and len(parts) > 1 else "")
            if "HTTP_DESTINATION" in kwargs and self.collection:
                kwargs["HTTP_DESTINATION"] = kwargs["HTTP_DESTINATION"].replace(self.collection, BOOK, 1)
            status, headers, answer = super().request(method, path, data, check=None, **kwargs)
            if self.collection:
                answer = answer.replace(BOOK, self.collection)
            assert check is None or status == check, f"{status} != {check}: {answer[:200]}"
            return status, headers, answer

        def mkcalendar(self, path, data=None, check=201, **kwargs):
            status, _, answer = self.request("MKCALENDAR", path, None, check=check)
            return status, answer

    return AgainstTheGateway


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    test_base, static = load_radicale_tests(sys.argv[1])
    work = Path(tempfile.mkdtemp(prefix="radicale-tests-"))
    with LocalCluster(work / "cluster") as cluster:
        cluster.start(1)
        with ContactsClient(ns_port=cluster.ns_port) as client:
            gateway = Gateway(client)
            configuration = radicale_configuration(gateway)
            app = GatewayApp(gateway, configuration)
            cls = make_test_class(test_base, static, app, configuration, client)
            results = []
            for name in ADDRESS_BOOK_TESTS + SYNC_TESTS:
                test = cls()
                test.setup_method()
                try:
                    getattr(test, name)()
                    results.append((name, "passed", ""))
                except Exception as exc:   # a failed test: say why, go on
                    where = traceback.extract_tb(exc.__traceback__)[-1]
                    reason = re.sub(r"\s+", " ", str(exc) or type(exc).__name__)[:110]
                    results.append((name, "FAILED", f"{reason} (line {where.lineno} of {Path(where.filename).name})"))
    passed = sum(1 for _, outcome, _ in results if outcome == "passed")
    for name, outcome, reason in results:
        print(f"{outcome:7} {name}  {reason}")
    print(f"\n{passed} of {len(results)} passed")


if __name__ == "__main__":
    main()

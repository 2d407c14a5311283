"""Finding likely duplicates and planning a merge (contacts.gui.duplicates, no Qt)."""
from contacts.gui.duplicates import CHOOSE, UNITE, find_duplicates, merge_changes, merge_plan
from contacts.model import normalize_new_contact


def contact(cid, name, **fields):
    _, stored = normalize_new_contact(dict(name=name, **fields), "BR")
    stored["id"] = cid
    return stored


def pairs(found):
    return {frozenset((d.first["id"], d.second["id"])): d.reasons for d in found}


def test_the_same_number_typed_two_ways_the_same_email_and_alike_names_are_found():
    book = [contact("a", "Ana Beatriz Gonçalves", phones=[{"label": "mobile", "number": "(84) 98888-7777"}]),
            contact("b", "Bia", phones=[{"label": "", "number": "+55 84 98888 7777"}]),
            contact("c", "Carlos Souza", emails=[{"label": "", "address": "carlos@example.com"}]),
            contact("d", "C. Souza", emails=[{"label": "work", "address": "Carlos@Example.com"}]),
            contact("e", "ana goncalves"),
            contact("f", "Souza Carlos"),
            contact("g", "Jonathan Smith"), contact("h", "Jonathon Smith"),
            contact("i", "Maria Silva"), contact("j", "Mario Soares")]
    found = pairs(find_duplicates(book))
    assert found[frozenset("ab")] == ["same number +5584988887777"]
    assert found[frozenset("cd")] == ["same email carlos@example.com"]
    assert found[frozenset("ae")] == ["similar names"]          # accents, case, a middle name
    assert found[frozenset("cf")] == ["similar names"]          # the same words in another order
    assert found[frozenset("gh")] == ["similar names"]          # a near spelling
    assert frozenset("ij") not in found and frozenset("ag") not in found
    assert len(found) == 5


def test_a_pair_sharing_more_comes_first_and_deleted_contacts_are_not_paired():
    phone = [{"label": "", "number": "+44 20 7946 0958"}]
    email = [{"label": "", "address": "x@example.org"}]
    book = [contact("a", "Grace Hopper", phones=phone), contact("b", "Grace B. Hopper", phones=phone, emails=email),
            contact("c", "Amazing Grace Hopper", emails=email), dict(contact("d", "Grace Hopper"), deleted=True)]
    found = find_duplicates(book)
    assert [(p.first["id"], p.second["id"], p.reasons) for p in found][0] == (
        "a", "b", ["same number +442079460958", "similar names"])
    assert all("d" not in (p.first["id"], p.second["id"]) for p in found)


def test_the_plan_unites_lists_and_chooses_single_values():
    keep = contact("a", "Ana Gonçalves", phones=[{"label": "mobile", "number": "(84) 98888-7777"}],
                   emails=[{"label": "", "address": "ana@example.com"}], groups=["family"], birthday="--04-15",
                   organization="")
    other = contact("b", "Ana Beatriz Gonçalves", phones=[{"label": "", "number": "+55 84 98888-7777"},
                                                         {"label": "work", "number": "+55 84 3215-3800"}],
                    emails=[{"label": "", "address": "ANA@example.com"}, {"label": "", "address": "bia@x.org"}],
                    groups=["work"], birthday="1985-04-15", organization="UFRN", starred=True)
    plan = {item.name: item for item in merge_plan(keep, other)}
    assert plan["phones"].how == UNITE
    assert [p["number"] for p in plan["phones"].merged] == ["(84) 98888-7777", "+55 84 3215-3800"]
    assert [e["address"] for e in plan["emails"].merged] == ["ana@example.com", "bia@x.org"]
    assert plan["name"].how == CHOOSE and plan["name"].merged == "Ana Gonçalves"
    assert plan["organization"].merged == "UFRN"     # keep had none
    assert plan["starred"].merged is True
    changes, inverse = merge_changes(keep, list(plan.values()), {"birthday": "other", "name": "keep"})
    assert changes["birthday"] == "1985-04-15" and inverse["birthday"] == "--04-15"
    assert "name" not in changes                      # kept as it was: nothing to send
    assert changes["groups"] == {"add": ["work"]} and inverse["groups"] == {"remove": ["work"]}
    assert inverse["phones"] == keep["phones"] and inverse["organization"] == ""
    assert "extra" not in changes


def test_merging_a_contact_with_nothing_new_changes_nothing():
    keep = contact("a", "Ana", phones=[{"label": "", "number": "+55 84 98888-7777"}], notes="hi")
    other = contact("b", "Ana", phones=[{"label": "mobile", "number": "(84) 98888-7777"}])
    assert merge_plan(keep, other) == []
    assert merge_changes(keep, merge_plan(keep, other)) == ({}, {})


def test_a_merge_keeps_the_more_complete_contact_and_the_first_on_a_tie():
    from contacts.gui.duplicates import filled_fields, kept_first
    sparse = {"id": "a", "name": "A. Lovelace", "phones": [{"label": "", "number": "+44 20 7946 0958"}]}
    full = dict(sparse, id="b", name="Ada Lovelace", emails=[{"label": "", "address": "ada@example.org"}])
    assert (filled_fields(sparse), filled_fields(full)) == (2, 3)
    assert kept_first(sparse, full) == (full, sparse)
    assert kept_first(full, sparse) == (full, sparse)
    twin = dict(full, id="c")
    assert kept_first(full, twin) == (full, twin) and kept_first(twin, full) == (twin, full)

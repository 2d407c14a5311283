"""Fault injection for the Jepsen-style harness (bench/chaos.py) and its tests.

- ..tcpproxy (contacts.testing.tcpproxy): the TCP proxy in front of a replica that adds
  latency or cuts the link;
- netns: network namespaces, so each replica is a host of its own and a partition
  is a link taken down (root and ``ip netns`` needed), or a loopback fallback;
- cluster: a LocalCluster whose replicas live behind proxies, inside those hosts;
- history: every client operation as invoked / ok / failed / unknown;
- workload: client threads writing through ContactsClient into a history;
- nemesis: faults on a seeded random schedule, and convergence after each heal;
- checker: what the history allows each replica to hold, and what went wrong;
- rich_workload / rich_checker: concurrent edits of every field of shared contacts, and
  what each field's merge rule lets survive;
- carddav_clients: CardDAV clients writing and syncing through gateways during the run;
- surfaces: those two wired into a run (bench/chaos.py --rich-clients, --carddav-clients).
"""

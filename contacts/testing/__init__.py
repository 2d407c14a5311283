"""Test and benchmark support: fault injection, netns hosts, the TCP fault proxy.
Not part of the installed package; only tests/ and bench/ import it."""

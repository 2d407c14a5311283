"""TLS for every Pyro5 link, and the certificates it uses (cryptography is loaded only
when TLS is on)."""

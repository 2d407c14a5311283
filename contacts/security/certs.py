"""``python -m contacts.security.certs``: make a cluster CA and the certificates TLS needs.

    python -m contacts.security.certs --dir tls --replicas 1 2 3 --clients alice bob

writes into ``tls/``::

    ca.crt                      the cluster CA: every process trusts exactly this
    ca.key                      the CA's key: keep it offline, only needed to make more certs
    nameserver.crt/.key         the Pyro5 name server          (OU=nameserver)
    replica-N.crt/.key          replica N, server and client   (OU=replica, CN=replica-N)
    client-NAME.crt/.key        a user or program, client only (OU=client, CN=client-NAME)

The role is in the subject's OU: a replica refuses its replica-only methods to a
certificate whose OU is not ``replica`` (see contacts.security.tls).  Extended key usage
backs that up at the TLS layer: a client certificate is not valid for serving, so a
client cannot pose as a replica or as the name server to others.

Server certificates (replicas, name server) name the addresses they are reached at
(TLS checks the host of the Pyro5 URI against them): localhost, 127.0.0.1 and ::1
always, plus every ``--hosts`` entry.  Running the command again keeps the existing
CA and only adds the certificates that are missing, so new replicas and clients can
be added later; ``--force`` remakes the named ones.
"""
import argparse
import datetime
import ipaddress
import os
import re
import sys
from pathlib import Path

# cryptography is imported in the functions that make certificates, not here: contacts.security.tls
# (and through it every replica, TLS or not) needs only the file names and roles below

ORGANIZATION = "contacts cluster"
ROLE_REPLICA = "replica"
ROLE_CLIENT = "client"
ROLE_NAMESERVER = "nameserver"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
CA_DAYS = 3650
CERT_DAYS = 825
_CLIENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")


def replica_files(replica_id):
    return f"replica-{replica_id}.crt", f"replica-{replica_id}.key"


def client_files(name):
    return f"client-{name}.crt", f"client-{name}.key"


NAMESERVER_FILES = ("nameserver.crt", "nameserver.key")
CA_FILES = ("ca.crt", "ca.key")


def _name(role, common_name):
    from cryptography import x509
    from cryptography.x509.oid import NameOID
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, role),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _new_key():
    from cryptography.hazmat.primitives.asymmetric import ec
    # P-256: small, fast handshakes, supported by every OpenSSL Python links against
    return ec.generate_private_key(ec.SECP256R1())


def _write_key(path, key):
    from cryptography.hazmat.primitives import serialization
    data = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
    # the key is created 0600 from the start, never readable by others even for a moment
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def _write_cert(path, cert):
    from cryptography.hazmat.primitives import serialization
    Path(path).write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _san(host):
    from cryptography import x509
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def _validity(days):
    now = datetime.datetime.now(datetime.timezone.utc)
    # a little slack backwards: machines whose clocks lag a few minutes still accept it
    return now - datetime.timedelta(minutes=10), now + datetime.timedelta(days=days)


def load_or_make_ca(directory):
    """(ca certificate, ca key): the existing ones in ``directory`` or new ones."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    cert_path, key_path = (directory / name for name in CA_FILES)
    if cert_path.exists() and key_path.exists():
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        return cert, key, False
    key = _new_key()
    subject = _name("ca", "contacts cluster CA")
    not_before, not_after = _validity(CA_DAYS)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    _write_key(key_path, key)
    _write_cert(cert_path, cert)
    return cert, key, True


def make_certificate(ca_cert, ca_key, role, common_name, hosts=(), days=CERT_DAYS):
    """(certificate, key) for one process, signed by the CA.

    ``role`` decides the extended key usage: replicas serve and call (server + client
    auth), the name server only serves, clients only call.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import ExtendedKeyUsageOID
    key = _new_key()
    usages = {ROLE_REPLICA: [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH],
              ROLE_NAMESERVER: [ExtendedKeyUsageOID.SERVER_AUTH],
              ROLE_CLIENT: [ExtendedKeyUsageOID.CLIENT_AUTH]}[role]
    not_before, not_after = _validity(days)
    builder = (x509.CertificateBuilder().subject_name(_name(role, common_name))
               .issuer_name(ca_cert.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False,
                                            key_agreement=True, key_cert_sign=False, crl_sign=False,
                                            encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.ExtendedKeyUsage(usages), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                              critical=False))
    if role != ROLE_CLIENT:
        names = list(dict.fromkeys([*LOCAL_HOSTS, *hosts]))
        builder = builder.add_extension(x509.SubjectAlternativeName([_san(h) for h in names]),
                                        critical=False)
    return builder.sign(ca_key, hashes.SHA256()), key


def make_cluster_certs(directory, replicas=(), clients=(), hosts=(), nameserver=True, force=False):
    """Write the CA (if missing) and the named certificates; returns the files written."""
    directory = Path(directory)
    if not directory.exists():
        directory.mkdir(parents=True, mode=0o700)   # an existing directory keeps its mode
    ca_cert, ca_key, new_ca = load_or_make_ca(directory)
    written = list(CA_FILES) if new_ca else []
    wanted = []
    if nameserver:
        wanted.append((ROLE_NAMESERVER, "nameserver", NAMESERVER_FILES))
    wanted += [(ROLE_REPLICA, f"replica-{int(r)}", replica_files(int(r))) for r in replicas]
    wanted += [(ROLE_CLIENT, f"client-{c}", client_files(c)) for c in clients]
    for role, common_name, (cert_name, key_name) in wanted:
        if not force and not new_ca and (directory / cert_name).exists() and (directory / key_name).exists():
            continue
        cert, key = make_certificate(ca_cert, ca_key, role, common_name, hosts)
        _write_key(directory / key_name, key)
        _write_cert(directory / cert_name, cert)
        written += [cert_name, key_name]
    return written


def _client_name(value):
    if not _CLIENT_NAME.match(value):
        raise argparse.ArgumentTypeError(f"{value!r}: use letters, digits, '.', '_' or '-'")
    return value


def _replica_number(value):
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a replica number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("replica numbers start at 1")
    return number


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m contacts.security.certs",
        description="Make a cluster CA and certificates for replicas, clients and the name server "
                    "(TLS with mutual certificates; see docs/security.md).")
    parser.add_argument("--dir", required=True, help="where to write them (created with mode 0700 if missing)")
    parser.add_argument("--replicas", nargs="*", type=_replica_number, default=[], metavar="N",
                        help="replica numbers to make certificates for")
    parser.add_argument("--clients", nargs="*", type=_client_name, default=[], metavar="NAME",
                        help="client names (people or programs) to make certificates for")
    parser.add_argument("--hosts", nargs="*", default=[], metavar="HOST",
                        help="extra host names / IP addresses replicas and the name server are "
                             "reached at (localhost, 127.0.0.1, ::1 are always included)")
    parser.add_argument("--no-nameserver", action="store_true", help="skip the name server certificate")
    parser.add_argument("--force", action="store_true", help="remake certificates that already exist")
    args = parser.parse_args(argv)
    written = make_cluster_certs(args.dir, args.replicas, args.clients, args.hosts,
                                 nameserver=not args.no_nameserver, force=args.force)
    for name in written:
        print(Path(args.dir) / name)
    if not written:
        print("nothing to do: every certificate asked for already exists (use --force to remake)")
    print(f"\nturn TLS on with CONTACTS_TLS_DIR={Path(args.dir).resolve()} (or --tls-dir) for "
          f"nameserver.sh, the replicas and the clients; keep {Path(args.dir) / 'ca.key'} offline.",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

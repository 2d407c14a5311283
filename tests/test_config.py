"""Settings: defaults, CONTACTS_* overrides, flags over both, bad values refused."""
import pytest
from Pyro5.api import config as pyro_config

from contacts.config import Settings, name_server_address


def test_environment_overrides_defaults_and_flags_override_both():
    env = {"CONTACTS_PING_INTERVAL": "0.25", "CONTACTS_MISSED_PINGS": "5", "CONTACTS_ACK_MODE": "peer",
           "CONTACTS_DEFAULT_REGION": "br"}
    settings = Settings.from_env(env)
    assert (settings.ping_interval, settings.missed_pings, settings.ack_mode) == (0.25, 5, "peer")
    assert settings.default_region == "BR", "regions are upper-cased for phonenumbers"
    assert Settings.from_env(env, ping_interval=2.0, ack_mode=None).ping_interval == 2.0
    assert Settings.from_env({}) == Settings()


@pytest.mark.parametrize("name, value, words", [
    ("CONTACTS_PING_INTERVAL", "often", "could not convert"),
    ("CONTACTS_PING_INTERVAL", "0", "ping_interval must be positive"),
    ("CONTACTS_MISSED_PINGS", "0", "at least 1"),
    ("CONTACTS_ACK_MODE", "quorum", "ack_mode must be one of"),
    ("CONTACTS_DEFAULT_REGION", "XX", "default_region must be an ISO country code"),
])
def test_bad_values_are_refused(name, value, words):
    with pytest.raises(ValueError, match=words):
        Settings.from_env({name: value})


def test_name_server_address_from_environment_then_pyro_config(monkeypatch):
    monkeypatch.setenv("PYRO_NS_HOST", "192.0.2.1")
    monkeypatch.setenv("PYRO_NS_PORT", "9999")
    assert name_server_address() == ("192.0.2.1", 9999)
    monkeypatch.delenv("PYRO_NS_HOST")
    monkeypatch.delenv("PYRO_NS_PORT")
    monkeypatch.setattr(pyro_config, "NS_HOST", "192.0.2.7")
    monkeypatch.setattr(pyro_config, "NS_PORT", 9191)
    assert name_server_address() == ("192.0.2.7", 9191)
    monkeypatch.setattr(pyro_config, "NS_HOST", "localhost")
    assert name_server_address()[0] == "127.0.0.1", "nameserver.sh binds 127.0.0.1, not ::1"

"""Every field of the selected contact, read-only, beside the table."""
import html

import phonenumbers
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def _e(text):
    return html.escape(text or "")


def _pretty_phone(phone):
    try:
        return phonenumbers.format_number(phonenumbers.parse(phone["e164"]),
                                          phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except (phonenumbers.NumberParseException, KeyError):
        return phone.get("number", "")


def contact_html(contact):
    parts = [f"<h2 style='margin-bottom:0'>{_e(contact.get('name'))}</h2>"]
    if contact.get("organization"):
        parts.append(f"<div style='color:#5f6368'>{_e(contact['organization'])}</div>")
    rows = []
    for phone in contact.get("phones", []):
        pretty = _pretty_phone(phone)
        extra = (f"<br><span style='color:#5f6368'>{_e(pretty)}</span>"
                 if pretty != phone.get("number") else "")
        rows.append((phone.get("label") or "phone",
                     f"<a href='tel:{_e(phone.get('e164'))}'>{_e(phone.get('number'))}</a>{extra}"))
    for email in contact.get("emails", []):
        rows.append((email.get("label") or "email",
                     f"<a href='mailto:{_e(email.get('address'))}'>{_e(email.get('address'))}</a>"))
    if rows:
        parts.append("<table cellspacing='0' cellpadding='3'>" + "".join(
            f"<tr><td style='color:#5f6368' valign='top'>{_e(label)}</td><td>{value}</td></tr>"
            for label, value in rows) + "</table>")
    if contact.get("notes"):
        parts.append("<p style='color:#5f6368;margin-bottom:0'>notes</p>"
                     f"<p style='white-space:pre-wrap;margin-top:0'>{_e(contact['notes'])}</p>")
    return "".join(parts)


def stamp_tooltip(contact):
    """The replication detail, for whoever wants it: not in the pane people read."""
    updated = (contact or {}).get("updated")
    return f"Last change: Lamport stamp {updated[0]} from replica {updated[1]}" if updated else ""


class DetailPane(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.label = QLabel()
        self.label.setObjectName("contactDetails")
        self.label.setTextFormat(Qt.RichText)
        self.label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.label.setWordWrap(True)
        self.label.setOpenExternalLinks(True)
        self.label.setTextInteractionFlags(Qt.TextBrowserInteraction)
        self.label.setMargin(12)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_contact(None)

    def show_contact(self, contact):
        self.contact = contact
        if contact is None:
            self.label.setText("<p style='color:#9aa0a6'>Select a contact to see every detail.</p>")
        else:
            self.label.setText(contact_html(contact))
        self.label.setToolTip(stamp_tooltip(contact))

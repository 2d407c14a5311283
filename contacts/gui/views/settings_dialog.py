"""Where the name server is, the default region phone numbers are read in, the vCard
version of an export, the theme and the language (all remembered across runs with QSettings)."""
import phonenumbers
from PyQt5.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox

from .dialog_fields import countries_by_name, country_name


class SettingsDialog(QDialog):
    def __init__(self, host, port, region="", vcard_version="3.0", theme="system", language="system", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.host_edit = QLineEdit(host)
        self.host_edit.setPlaceholderText("127.0.0.1")
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(int(port))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("The Pyro5 name server tells the window where the replicas are.")))
        layout.addRow(self.tr("Name server host"), self.host_edit)
        layout.addRow(self.tr("Name server port"), self.port_box)
        self.region_box = QComboBox()
        self.region_box.addItem(self.tr("None: only numbers with a +country code are checked"), "")
        for code in countries_by_name(phonenumbers.SUPPORTED_REGIONS):
            self.region_box.addItem(f"{country_name(code)} ({code})", code)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(region or "")))
        self.region_box.setToolTip(self.tr("A phone number typed without +country code is read as a number of this "
                                           "country (each phone in the contact dialog may have its own)"))
        layout.addRow(self.tr("Default region"), self.region_box)
        self.vcard_box = QComboBox()
        self.vcard_box.addItem(self.tr("vCard 3.0 (read by every phone and program)"), "3.0")
        self.vcard_box.addItem(self.tr("vCard 4.0 (the newest)"), "4.0")
        self.vcard_box.setCurrentIndex(max(0, self.vcard_box.findData(vcard_version)))
        layout.addRow(self.tr("Export as"), self.vcard_box)
        self.theme_box = QComboBox()
        for text, value in ((self.tr("As the system"), "system"), (self.tr("Light"), "light"),
                            (self.tr("Dark"), "dark")):
            self.theme_box.addItem(text, value)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(theme)))
        layout.addRow(self.tr("Theme"), self.theme_box)
        self.language_box = QComboBox()
        # each language named in itself, so that someone who cannot read the current one finds theirs
        for text, value in ((self.tr("As the system"), "system"), ("English", "en"),
                            ("Português (Brasil)", "pt_BR")):
            self.language_box.addItem(text, value)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.language_box.setToolTip(self.tr("Takes effect the next time the window opens"))
        layout.addRow(self.tr("Language"), self.language_box)
        layout.addRow(self.error)
        layout.addRow(self.buttons)

    def region(self):
        return self.region_box.currentData()

    def vcard_version(self):
        return self.vcard_box.currentData()

    def theme(self):
        return self.theme_box.currentData()

    def language(self):
        return self.language_box.currentData()

    def address(self):
        return self.host_edit.text().strip(), self.port_box.value()

    def accept(self):
        host = self.host_edit.text().strip()
        if not host or any(ch.isspace() for ch in host):
            self.error.setText(self.tr("host: give a host name or an IP address, without spaces"))
            self.error.show()
            return
        super().accept()

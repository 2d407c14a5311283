"""Where the name server is, and the default region phone numbers are read in (both
remembered across runs with QSettings)."""
import phonenumbers
from PyQt5.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox

from .dialog_fields import country_name


class SettingsDialog(QDialog):
    def __init__(self, host, port, region="", parent=None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
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
        layout.addRow(QLabel("The Pyro5 name server tells the window where the replicas are."))
        layout.addRow("Name server host", self.host_edit)
        layout.addRow("Name server port", self.port_box)
        self.region_box = QComboBox()
        self.region_box.addItem("None: only numbers with a +country code are checked", "")
        for code in sorted(phonenumbers.SUPPORTED_REGIONS, key=country_name):
            self.region_box.addItem(f"{country_name(code)} ({code})", code)
        self.region_box.setCurrentIndex(max(0, self.region_box.findData(region or "")))
        self.region_box.setToolTip("A phone number typed without +country code is read as a number of this "
                                   "country (each phone in the contact dialog may have its own)")
        layout.addRow("Default region", self.region_box)
        layout.addRow(self.error)
        layout.addRow(self.buttons)

    def region(self):
        return self.region_box.currentData()

    def address(self):
        return self.host_edit.text().strip(), self.port_box.value()

    def accept(self):
        host = self.host_edit.text().strip()
        if not host or any(ch.isspace() for ch in host):
            self.error.setText("host: give a host name or an IP address, without spaces")
            self.error.show()
            return
        super().accept()

"""File formats: vCard, CSV, and the import/export flow shared by the CLI and the window."""

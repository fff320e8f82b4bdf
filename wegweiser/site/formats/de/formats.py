"""German date and time as a German letter writes them: "5. Dezember 2026, 09:50 Uhr" (Django's own locale
runs date and time together without a comma or "Uhr": "5. Dezember 2026 09:50")."""

DATETIME_FORMAT = r"j. F Y, H:i \U\h\r"

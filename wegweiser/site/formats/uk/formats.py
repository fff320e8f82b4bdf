"""Ukrainian dates without a leading zero on the day (CLDR: "5 грудня 2026 р."); Django's locale writes
"05 грудня 2026 р."."""

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. H:i"

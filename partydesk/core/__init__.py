"""The program core: domain rules, storage and services, with no Qt (house rule 1)."""

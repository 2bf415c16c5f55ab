"""Compliance checks: functions over the data that return findings."""

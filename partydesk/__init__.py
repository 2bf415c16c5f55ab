"""partydesk: an offline desktop program for a Party branch office (党支部) and its committee."""

__version__ = "0.1.0"

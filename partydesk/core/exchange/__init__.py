"""The .pdsync exchange format (SYNC.md)."""

"""Reference facts bundled with the app: industry codes, size classes, regions, identifiers."""

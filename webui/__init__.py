"""The depository's web site (Flask); built on the archive core."""

"""parcelpost: a small client for a parcel carrier's API (sample project)."""

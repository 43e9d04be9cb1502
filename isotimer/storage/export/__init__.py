"""Exports other services read: FIT activity files for Garmin Connect, Strava and intervals.icu."""

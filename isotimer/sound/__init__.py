"""Tones through the computer's audio: rendering them as WAV, and playing them off the UI thread."""

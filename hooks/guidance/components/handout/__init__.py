"""The handout: what a sheet carries when it leaves the screen (see handout.py).
"""

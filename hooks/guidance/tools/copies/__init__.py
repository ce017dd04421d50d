"""A council's own copy, kept current from the publisher's releases.

``release``   the publisher's content as one versioned zip and its checksum (release.py)
``archive``   a release file read as hostile input: every check before anything is written
``changes``   what changed between two releases, per sheet and language, and in plain words
``new_copy``  a copy's own folder: settings, profile, own pages and sheets, the release locked
``update``    a new release checked, reported, applied, built, and put back if the build fails
"""

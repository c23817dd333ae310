"""Sync between installations through encrypted bundle files (star topology, county in the middle).

``keys``/``bundle``/``enrolment``: the cryptographic file layer; ``state``: what this installation
knows of its peers and of the bundles it sent and received; ``merge``: applying received records;
``exchange``: export and import as the command line and the window call them.
"""

"""sitrep.batch"""

"""Actors: the dictionaries of states, organisations, sectors and people, the resolver
that finds them in sentences, and the document memory that resolves what is left."""

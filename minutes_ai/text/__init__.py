"""Text preparation: normalise the input, split it into sentences, segment words.

Every function here keeps character offsets: the normalised text has the same length as the
input, and every sentence knows where it stands in it.
"""

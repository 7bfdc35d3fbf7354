"""Reading Chinese political speeches the way a corpus linguist would."""

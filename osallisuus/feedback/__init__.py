"""Client feedback from every channel, answered to its giver and published with care."""

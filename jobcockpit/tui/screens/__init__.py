"""The cockpit's screens: the main screen, help, stats, and the forms."""

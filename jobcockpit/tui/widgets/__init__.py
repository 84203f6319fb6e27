"""The cockpit's widgets. They show and post messages; they never save."""

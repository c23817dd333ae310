"""Services: what the window and the command line call. They own every database session."""

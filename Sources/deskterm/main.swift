print("deskterm")

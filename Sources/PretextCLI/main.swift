import Pretext
print("pretext")

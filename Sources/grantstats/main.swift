print("grantstats")

package main

// Chinese text of --version.
const msgVersionBook = "数据: %s\n"

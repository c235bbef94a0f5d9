from hoarfrost.cli import main

main()

from newsgrep.cli.app import main

main()

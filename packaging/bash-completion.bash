# bash completion for tabletop. Subcommands and options are read from the
# program's own --help, scenario ids from `tabletop list`, so they never drift.
_tabletop()
{
    local cur prev cmd words cword
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
    }
    local prog=${COMP_WORDS[0]}
    if [[ $COMP_CWORD -eq 1 ]]; then
        local cmds
        cmds=$(LC_ALL=C "$prog" --help 2>/dev/null |
               sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
        COMPREPLY=($(compgen -W "$cmds --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}
    case $prev in
        -o|--output|--journal|--scorecard|--roster|--script|--db|--seats|--tls-cert|--tls-key|--scenarios|--dir)
            COMPREPLY=($(compgen -f -- "$cur"))
            compopt -o filenames 2>/dev/null
            return ;;
        --lang)
            COMPREPLY=($(compgen -W "ja en" -- "$cur"))
            return ;;
        --ui)
            COMPREPLY=($(compgen -W "tty sdl none" -- "$cur"))
            return ;;
    esac
    if [[ $cur == -* ]]; then
        local opts
        opts=$(LC_ALL=C "$prog" "$cmd" --help 2>/dev/null |
               grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $cmd in
        run|check|show|lint|explore|sweep|watch|graph|msel)
            local ids
            ids=$("$prog" list 2>/dev/null | awk '{print $1}')
            COMPREPLY=($(compgen -W "$ids" -- "$cur"))
            COMPREPLY+=($(compgen -f -X '!*.lua' -- "$cur"))
            ;;
        *)
            COMPREPLY=($(compgen -f -- "$cur"))
            compopt -o filenames 2>/dev/null
            ;;
    esac
}
complete -F _tabletop tabletop

import QtQuick

// Finds controls the way a screen reader does: by the names users hear.
QtObject {
    // The first visible item under `root` whose Accessible.name is `name` and, when
    // given, for which `accept(item)` is true.
    function byAccessibleName(root: var, name: string, accept: var): var {
        if (!root)
            return null
        const children = root.children || []
        for (let i = 0; i < children.length; ++i) {
            const child = children[i]
            if (child.visible && child.Accessible.name === name && !child.Accessible.ignored
                    && (!accept || accept(child)))
                return child
            const found = byAccessibleName(child, name, accept)
            if (found)
                return found
        }
        return null
    }

    function isButton(item: var): bool {
        return item.clicked !== undefined && item.pressed !== undefined
    }

    function isTextField(item: var): bool {
        return item.echoMode !== undefined
    }
}

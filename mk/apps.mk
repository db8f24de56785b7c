# placeholder: owned by another part

"""The desktop application: a thin Qt layer over `nbl_desktop.core`."""
